//! Parser for the textual IR (stub).
