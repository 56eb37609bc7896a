// Spelling with hunspell: see SpellChecker.swift.
