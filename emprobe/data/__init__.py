"""Built-in datasets and question sets, and loaders for users' own files."""
