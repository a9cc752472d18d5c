"""The web face of a store: pages, JSON API and assets (`chronique serve`)."""
