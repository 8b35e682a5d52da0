"""The test lab: real OBS, a real RTMP ingest and a real OS keyring, on loopback, headless.

Every service is started on a free port in a temp dir and stopped by its own pid. See
``../shared/notes/real-obs-lab.md`` for the recipe these follow.
"""
