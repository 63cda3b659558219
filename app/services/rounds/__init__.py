"""The round: batches → council → decisions → issue (and higher levels' decisions)."""
