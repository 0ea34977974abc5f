"""Revision ids shared by the warehouse migrations and the deployment tooling."""

# the first revision of the warehouse schema; later branches start from it
BASE = "0b2d4f6a8c13"
