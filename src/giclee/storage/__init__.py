"""Result storage: where generated files live until they expire, and the signed URLs that reach them."""
