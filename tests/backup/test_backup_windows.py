"""Windows behaviour of backups, run on Linux with the platform faked (tests/winfake.py):
the copy is read back from the drive, not the cache; external USB hard disks are offered as
targets next to USB sticks, the system disk never."""

from __future__ import annotations

import hashlib
import os
from collections import namedtuple
from pathlib import Path

import pytest

from app import winapi
from app.backup import BackupError, backup_database, drives, readback
from tests.backup.backup_helpers import file_sha
from tests.winfake import FakeKernel32, fake_posix, fake_windows

Part = namedtuple("Part", "device mountpoint fstype opts")


# ------------------------------------------------------------------ read-back
@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="posix_fadvise is POSIX")
def test_read_back_drops_the_cache_before_reading_on_linux(tmp_path, monkeypatch):
    path = tmp_path / "bản sao.sqlite"
    path.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    advice = []
    real = os.posix_fadvise
    monkeypatch.setattr(os, "posix_fadvise",
                        lambda fd, off, n, how: (advice.append(how), real(fd, off, n, how)))
    assert readback.read_back_sha256(path) == file_sha(path)
    assert advice == [os.POSIX_FADV_DONTNEED]


@pytest.mark.parametrize("reported_sector", [512, 4096, 8192])
def test_read_back_on_windows_bypasses_the_cache_with_aligned_whole_sector_reads(
        tmp_path, monkeypatch, reported_sector):
    path = tmp_path / "Nguyễn Văn A" / "TDKT-sao-luu.sqlite"
    path.parent.mkdir()
    path.write_bytes(os.urandom(2 * readback.CHUNK + 1000))  # a short last read at the end
    kernel32 = fake_windows(monkeypatch, FakeKernel32(sector=reported_sector))
    assert readback.read_back_sha256(path) == file_sha(path)
    [opened] = [c for c in kernel32.calls if c[0] == "CreateFileW"]
    _, name, access, _share, disposition, flags = opened
    assert name == str(path) and access == winapi.GENERIC_READ
    assert flags & winapi.FILE_FLAG_NO_BUFFERING
    assert disposition == winapi.OPEN_EXISTING
    reads = [c[2] for c in kernel32.calls if c[0] == "ReadFile"]
    assert len(reads) == 4 and set(reads) == {readback.CHUNK}  # 2 full, 1 short, 1 at the end
    assert kernel32.calls[-1][0] == "CloseHandle" and not kernel32._files


def test_backup_on_windows_reads_the_copy_back_and_keeps_it(filled_db, usb, monkeypatch):
    kernel32 = fake_windows(monkeypatch)
    result = backup_database(filled_db, usb)
    assert file_sha(result.path) == result.sha256
    assert any(c[0] == "CreateFileW" and c[5] & winapi.FILE_FLAG_NO_BUFFERING
               for c in kernel32.calls)


@pytest.mark.parametrize("password", [None, "mật khẩu"])
def test_a_drive_that_returns_other_bytes_fails_the_backup_and_leaves_nothing(
        filled_db, usb, monkeypatch, password):
    earlier = backup_database(filled_db, usb)
    fake_windows(monkeypatch, FakeKernel32(corrupt=True))  # a fake-capacity USB stick
    with pytest.raises(BackupError, match="USB giả dung lượng") as err:
        backup_database(filled_db, usb, password=password)
    assert "Dữ liệu đang dùng và các bản sao lưu trước vẫn nguyên vẹn" in str(err.value)
    assert sorted(p.name for p in usb.iterdir()) == sorted([earlier.path.name,
                                                            "TDKT-sao-luu.json"])
    assert file_sha(earlier.path) == earlier.sha256


def test_an_unreadable_copy_fails_the_backup_with_a_clear_sentence(filled_db, usb, monkeypatch):
    def unreadable(path):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("app.backup.make.read_back_sha256", unreadable)
    with pytest.raises(BackupError, match="USB có thể đã bị rút ra"):
        backup_database(filled_db, usb)
    assert [p.name for p in usb.iterdir()] == []


# ------------------------------------------------------------------ drives
WINDOWS_PARTS = [
    Part("C:\\", "C:\\", "NTFS", "rw,fixed"),  # the system disk (SATA/NVMe)
    Part("D:\\", "D:\\", "NTFS", "rw,fixed"),  # a second internal disk
    Part("E:\\", "E:\\", "FAT32", "rw,removable"),  # a USB stick
    Part("F:\\", "F:\\", "NTFS", "rw,fixed"),  # an external USB hard disk
    Part("G:\\", "G:\\", "", "cdrom"),
]


@pytest.fixture
def windows_pc(monkeypatch):
    import psutil

    kernel32 = fake_windows(monkeypatch, FakeKernel32(
        bus_types={"C:": 17, "D:": 11, "F:": 7},  # NVMe, SATA, USB
        labels={"E:\\": "KINGSTON", "F:\\": "Ổ Sao Lưu"}))
    monkeypatch.setenv("SystemDrive", "C:")
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: WINDOWS_PARTS)
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(drives.shutil, "disk_usage", lambda p: Usage(1000 * 1024**3, 0,
                                                                      400 * 1024**3))
    return kernel32


def test_usb_sticks_and_external_usb_disks_are_offered_never_the_system_disk(windows_pc):
    found = drives.removable_drives()
    assert [(str(d.mountpoint), d.kind, d.label) for d in found] == [
        ("E:\\", drives.REMOVABLE, "KINGSTON"), ("F:\\", drives.EXTERNAL_DISK, "Ổ Sao Lưu")]
    assert [d.kind_label for d in found] == ["USB", "Ổ cứng ngoài"]
    asked = [c[1] for c in windows_pc.calls if c[0] == "CreateFileW"]
    assert asked == ["\\\\.\\D:", "\\\\.\\F:"]  # the system disk is not even asked
    queries = [c for c in windows_pc.calls if c[0] == "DeviceIoControl"]
    assert {c[2] for c in queries} == {drives.IOCTL_STORAGE_QUERY_PROPERTY}


def test_an_external_disk_on_another_system_drive_letter_is_still_refused(windows_pc,
                                                                          monkeypatch):
    monkeypatch.setenv("SystemDrive", "F:")  # Windows itself runs from the USB disk
    assert [str(d.mountpoint) for d in drives.removable_drives()] == ["E:\\"]


def test_a_disk_whose_bus_cannot_be_asked_is_not_offered(windows_pc):
    windows_pc.bus_types.pop("F:")
    assert [str(d.mountpoint) for d in drives.removable_drives()] == ["E:\\"]


def test_linux_offers_what_is_mounted_under_media(monkeypatch):
    import psutil

    fake_posix(monkeypatch)
    parts = [Part("/dev/sda1", "/", "ext4", "rw"), Part("/dev/sdb1", "/media/an/USB", "vfat", "rw"),
             Part("/dev/sdc1", "/run/media/an/Ổ ngoài", "ntfs", "rw")]
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: parts)
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(drives.shutil, "disk_usage", lambda p: Usage(8, 0, 4))
    assert [d.mountpoint for d in drives.removable_drives()] == [
        Path("/media/an/USB"), Path("/run/media/an/Ổ ngoài")]


def test_the_digest_of_a_real_read_matches_hashlib(tmp_path):
    """The real system's path (on the Windows runner: a true unbuffered read)."""
    for size in (0, 5000):
        path = tmp_path / f"tệp {size}"
        path.write_bytes(b"x" * size)
        assert readback.read_back_sha256(path) == hashlib.sha256(b"x" * size).hexdigest()
