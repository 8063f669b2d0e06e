"""mkdocs-gen-files entry point: write every generated page and data file, and point each page's edit
button at its source.

All logic lives in the `vlmcat` package (tested without MkDocs); this file only hands files to MkDocs.
The catalog was already validated by the `on_pre_build` hook, before the site folder was touched.
"""

import mkdocs_gen_files

from vlmcat.build import catalog_for_build, entry_schema
from vlmcat.exports import build_files
from vlmcat.render import build_pages

catalog = catalog_for_build()
for page in build_pages(catalog):
    with mkdocs_gen_files.open(page.path, "w") as f:
        f.write(page.content)
    if page.edit_path:
        mkdocs_gen_files.set_edit_path(page.path, page.edit_path)
for path, content in build_files(catalog, mkdocs_gen_files.config.site_url, entry_schema()).items():
    with mkdocs_gen_files.open(path, "w") as f:
        f.write(content)
