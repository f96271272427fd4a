"""Help: the bindings of the area you were in, plus the query syntax."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from taiwan_reader_index import locations

QUERY_HELP = """\
**Query syntax** (Whoosh): `taiwan strait` (all words) · `"national guard"` (phrase) ·
`guard OR reserve` · `taiwan NOT china` · `(guard OR reserve) AND taiwan` · `taiwn~` (fuzzy) ·
`defen*` (prefix). AND, OR and NOT in capitals are operators (lower case: plain words).

**Fields:** `title:troops` · `body:drills` · `outlet:reuters` · `author:roberts` · `id:003_…` ·
`date:2022` · `date:[2022-01-01 to 2022-06-30]` · `date:>2023` ·
`person:"tsai ing-wen"` · `org:pentagon` · `place:taiwan` · `group:chinese` ·
`law:"taiwan relations act"` · `event:olympics`

**Search screen:** type to search · enter opens the highlighted result (with no result:
takes the suggested spelling) · tab moves between the box, the facets and the results ·
in a facet, arrows move, space chooses (several values in one facet: any of them; values in
different facets: all of them) · r clears every filter · s sorts · m marks a result, c on
another compares the two · ctrl+y takes "did you mean".

**Remap keys** by binding id in `{config}`, for example:

```toml
[keys]
"reader.next_match" = "n,ctrl+n"
```
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%; border: thick $primary;
        background: $surface; padding: 1 2;
    }
    HelpScreen #help-keys { margin-bottom: 1; }
    """

    def __init__(self, area: str, bindings: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.area = area
        self.bindings_list = bindings

    def compose(self) -> ComposeResult:
        table = Table(title=f"Keys: {self.area}", expand=True, show_edge=False)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("does")
        table.add_column("binding id", style="dim")
        for keys, description, binding_id in self.bindings_list:
            table.add_row(Text(keys), Text(description), Text(binding_id))
        with VerticalScroll():
            yield Static(table, id="help-keys")
            yield Markdown(QUERY_HELP.format(config=locations.config_file()))
            yield Static(Text("escape / q / ? closes this help", style="dim"))
