"""Chinese and English text in; sentences, words, senses, names, numbers and its language out."""
