"""Files in and out: documents, bilingual files and manifests read; alignments and flags written."""
