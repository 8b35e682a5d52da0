"""Only what pyproject.toml cannot say: ``resources/`` (kept at the top of the tree) ships inside the
wheel as the package ``studio_console_resources`` (its files: pyproject.toml, package-data);
``studio.resources`` finds it."""

from setuptools import find_namespace_packages, setup

# find_namespace_packages: the same search as pyproject's packages.find (namespaces = true).
setup(
    packages=[*find_namespace_packages(include=["studio", "studio.*", "ui", "ui.*"]), "studio_console_resources"],
    package_dir={"studio_console_resources": "resources"},
)
