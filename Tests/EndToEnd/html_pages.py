"""A small reader of the generated HTML, on the standard library's parser."""
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attributes, parent):
        self.tag = tag
        self.attributes = dict(attributes)
        self.parent = parent
        self.children = []
        self.text_parts = []

    @property
    def text(self):
        return "".join(self.text_parts + [child.text for child in self.children]).strip()

    def classes(self):
        return (self.attributes.get("class") or "").split()

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag=None, **attributes):
        for element in self.iter():
            if tag and element.tag != tag:
                continue
            if all(element.attributes.get(key.rstrip("_")) == value for key, value in attributes.items()):
                yield element

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.doctype = None

    def handle_decl(self, declaration):
        self.doctype = declaration

    def handle_starttag(self, tag, attributes):
        element = Element(tag, attributes, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attributes):
        self.current.children.append(Element(tag, attributes, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text_parts.append(data)


def parse(path: Path) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    return builder


def output_file(output: Path, url: str, base_url: str):
    """The file that serves `url` (root-relative or absolute under base_url), or None for another site."""
    if url.startswith(base_url):
        url = "/" + url[len(base_url):]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    path = unquote(parts.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return output / path


def html_pages(output: Path):
    """Every page of a language folder, except redirect pages."""
    for path in sorted(output.rglob("*.html")):
        relative = path.relative_to(output)
        if relative.parts[0] in ("fr", "en") and "http-equiv=\"refresh\"" not in path.read_text(encoding="utf-8"):
            yield path
