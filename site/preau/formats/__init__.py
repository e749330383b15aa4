"""Date formats, one per language (FORMAT_MODULE_PATH): "13 décembre 2026" in French and
"13 December 2026" in English everywhere a template says DATE_FORMAT, day before month in
both, and day/month/year in the admin's date fields (WAGTAIL_DATE_FORMAT), which every
language must accept as input (wagtailadmin.E003): an English reader typing 07/12/2026
means the 7th of December, as in France, not the 12th of July."""
