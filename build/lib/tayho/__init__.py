"""The Tây Hồ term archive: the record's model, loading, checks and rendering, free of MkDocs."""
