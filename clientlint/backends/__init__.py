"""Optional checkers outside clientlint that add their findings to the same report (LanguageTool)."""
