"""Web: the analysts' UI and the JSON API (``parley serve``)."""
