"""Documents attached to a batch or a candidate (scanned tờ trình, báo cáo thành tích, biên
bản, sáng kiến…), stored inside the database file so a backup carries them."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app import text
from app.errors import DomainError, NotFoundError, ValidationError
from app.files import write_bytes
from app.services.system import audit
from db.engine import Database
from db.models import Attachment, Batch, Candidate

KINDS = {"to_trinh": "Tờ trình", "bao_cao_thanh_tich": "Báo cáo thành tích",
         "bien_ban": "Biên bản", "sang_kien": "Sáng kiến / đề tài", "quyet_dinh": "Quyết định",
         "y_kien": "Ý kiến", "khac": "Khác"}
MAX_BYTES = 30 * 1024 * 1024  # a scanned dossier; bigger files make the backup heavy


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment without its bytes."""
    id: int
    batch_id: int | None
    candidate_id: int | None
    kind: str
    kind_label: str
    filename: str
    mime: str | None
    size: int
    doc_number: str | None
    doc_date: date | None
    signer: str | None
    note: str | None


def _info(a: Attachment) -> AttachmentInfo:
    return AttachmentInfo(a.id, a.batch_id, a.candidate_id, a.kind, KINDS.get(a.kind, a.kind),
                          a.filename, a.mime, a.size, a.doc_number, a.doc_date, a.signer, a.note)


def attach_file(db: Database, path: str | Path, kind: str = "khac", batch_id: int | None = None,
                candidate_id: int | None = None, doc_number: str | None = None,
                doc_date: date | None = None, signer: str | None = None,
                note: str | None = None) -> int:
    """Store a file (PDF, image…) with a batch or a candidate; returns the attachment id."""
    path = Path(path)
    if kind not in KINDS:
        raise ValidationError("Loại tài liệu không hợp lệ.", "kind")
    if not path.is_file():
        raise ValidationError(f"Không tìm thấy tệp “{path.name}”.", "path")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError(f"Tệp “{path.name}” lớn {size // (1024 * 1024)} MB, quá "
                              f"{MAX_BYTES // (1024 * 1024)} MB: hãy quét lại ở độ phân giải thấp hơn.",
                              "path")
    data = path.read_bytes()
    with db.session() as s:
        if candidate_id:
            c = s.get(Candidate, candidate_id)
            if c is None:
                raise NotFoundError("Không tìm thấy ứng viên.")
            batch_id = batch_id or c.batch_id
        if batch_id and s.get(Batch, batch_id) is None:
            raise NotFoundError("Không tìm thấy đợt xét.")
        if not batch_id:
            raise ValidationError("Chưa chọn đợt xét hoặc ứng viên để đính kèm.", "batch")
        a = Attachment(batch_id=batch_id, candidate_id=candidate_id, kind=kind,
                       filename=text.nfc(path.name), mime=mimetypes.guess_type(path.name)[0],
                       size=size, sha256=hashlib.sha256(data).hexdigest(), data=data,
                       doc_number=text.nfc_or_none(doc_number), doc_date=doc_date,
                       signer=text.nfc_or_none(signer), note=text.nfc_or_none(note))
        s.add(a)
        s.flush()
        audit.log(s, "create", "attachment", a.id, None, audit.snapshot(a))
        return a.id


def list_attachments(db: Database, batch_id: int | None = None,
                     candidate_id: int | None = None) -> list[AttachmentInfo]:
    """Attachments of a batch (all, including its candidates') or of one candidate."""
    with db.read() as s:
        stmt = select(Attachment).order_by(Attachment.id)
        if candidate_id:
            stmt = stmt.where(Attachment.candidate_id == candidate_id)
        elif batch_id:
            stmt = stmt.where(Attachment.batch_id == batch_id)
        return [_info(a) for a in s.scalars(stmt)]


def save_attachment_as(db: Database, attachment_id: int, target: str | Path) -> Path:
    """Write a stored attachment to a file (to open or print it); checks its checksum."""
    with db.read() as s:
        a = s.get(Attachment, attachment_id)
        if a is None:
            raise NotFoundError("Không tìm thấy tài liệu đính kèm.")
        if hashlib.sha256(a.data).hexdigest() != a.sha256:
            raise DomainError(f"Tài liệu “{a.filename}” bị hỏng (sai mã kiểm tra).")
        return write_bytes(target, a.data)  # to a temporary name, then moved into place


def delete_attachment(db: Database, attachment_id: int) -> None:
    """Remove an attachment of a batch still in progress."""
    with db.session() as s:
        a = s.get(Attachment, attachment_id)
        if a is None:
            raise NotFoundError("Không tìm thấy tài liệu đính kèm.")
        b = s.get(Batch, a.batch_id) if a.batch_id else None
        if a.decision_id or (b is not None and b.status == "decided"):
            raise DomainError("Tài liệu thuộc hồ sơ đã có quyết định: không xóa được.")
        audit.log(s, "delete", "attachment", a.id, audit.snapshot(a), None)
        s.delete(a)
