"""The archive as a MkDocs plugin (`plugins: [tayho]` in mkdocs.yml): typed settings, per-build state on the plugin."""
