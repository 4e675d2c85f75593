"""Entities and who said what: the claims browser and the entity page."""
