"""Seeing event records: the HTML review report (`html`), the actor network (`network`), the
map (`worldmap`), GeoJSON (`geojson`) and summaries (`summary`), as pure functions over
`eventx.Event` records. Submodules load on use: networkx only where a graph is drawn."""
