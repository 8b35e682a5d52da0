"""Shipped files (translations, the example plan, backgrounds), installed as ``studio_console_resources``.

Not imported for code: find files through ``studio.resources.resource_path``.
"""
