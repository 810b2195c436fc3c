"""Run every stage for an article (or a folder of them) with up-to-date checks, a manifest,
an output-folder lock and a health check of the machine (`doctor`).

Nothing heavy is imported here: stage libraries load only when a stage actually runs.
"""
