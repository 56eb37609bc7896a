// Syllable counting from hyphenation patterns: see SyllableCounter.swift.
