"""Named entities: the gazetteer, canonical names, name look-alikes, span rules, the entity tables."""
