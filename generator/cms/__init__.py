"""The online editor (Decap CMS): its configuration, its admin page and the tools that keep its saves tidy."""
