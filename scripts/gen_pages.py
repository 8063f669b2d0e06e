"""mkdocs-gen-files entry point: write every generated page and point its edit button at its source.

All logic lives in the `vlmcat` package (tested without MkDocs); this file only hands pages to MkDocs.
The catalog was already validated by the `on_pre_build` hook, before the site folder was touched.
"""

import mkdocs_gen_files

from vlmcat.build import catalog_for_build
from vlmcat.render import build_pages

for page in build_pages(catalog_for_build()):
    with mkdocs_gen_files.open(page.path, "w") as f:
        f.write(page.content)
    if page.edit_path:
        mkdocs_gen_files.set_edit_path(page.path, page.edit_path)
