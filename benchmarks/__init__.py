"""Benchmarks: national-scale data and measured server times (`make bench`)."""
