"""The German spaCy pipeline and its components: tokenizer rules, HanTa tagger, lemma rules, name lists, NER."""
