"""Validates the sample documents against the JSON Schemas in schema/ (draft 2020-12), and
checks that documents the readers refuse for their shape are refused by the schemas too.
Usage: check_schemas.py <source dir>. Exit 0 when all hold, 1 otherwise."""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator

root = pathlib.Path(sys.argv[1])
schemas = {p.name.removesuffix(".schema.json"): json.loads(p.read_text("utf-8"))
           for p in (root / "schema").glob("*.schema.json")}
data = root / "tests" / "cli" / "data"
md = (root / "docs" / "documents.md").read_text("utf-8")
# Each ```json block of documents.md is preceded by a marker naming its schema,
# `<!-- schema: policy_set -->`; a block without one is an error (no positional guessing).
examples = []
for index, block in enumerate(md.split("```json\n")[1:]):
    before = md.split("```json\n")[index].rstrip().splitlines()
    marker = before[-1].strip() if before else ""
    name = marker.removeprefix("<!-- schema:").removesuffix("-->").strip() if marker.startswith("<!-- schema:") else None
    examples.append((name, block.split("```", 1)[0]))

good = [("policy_set", data / "policy.json"), ("policy_set", data / "policy_full.json"), ("credit_account", data / "account.json"),
        ("receivables", data / "receivables.json")]
good += [("order", p) for p in sorted(data.glob("order_*.json"))]
bad = [("policy_set", data / "bad" / "unknown_key.json"), ("policy_set", data / "bad" / "wrong_type.json"),
       ("order", data / "bad" / "number_as_money.json"), ("policy_set", data / "bad" / "missing_key.json")]

failed = 0
for name, schema in sorted(schemas.items()):
    Draft202012Validator.check_schema(schema)

class Example:
    """A JSON block of docs/documents.md, read like a file."""
    def __init__(self, index, body):
        self.name, self.body = f"documents.md example {index + 1}", body
    def read_text(self, _encoding):
        return self.body


for i, (name, body) in enumerate(examples):
    if name not in schemas:
        print(f"FAIL documents.md example {i + 1}: no `<!-- schema: <name> -->` marker naming a schema before it")
        failed += 1
        continue
    good.append((name, Example(i, body)))
good += [("price_request", p) for p in sorted(data.glob("price_*.json"))]
good += [("route_request", p) for p in sorted(data.glob("route_*.json"))]
good += [("verify_request", p) for p in sorted(data.glob("verify_*.json"))]
good += [("policy_set", data / "policy_scoring.json")]
good += [("score_request", p) for p in sorted(data.glob("score_*.json"))]
good += [("sla_request", p) for p in sorted(data.glob("sla_*.json"))]
bad += [("price_request", data / "bad" / "price_number_as_quantity.json"),
        ("price_request", data / "bad" / "price_unknown_key.json"),
        ("route_request", data / "bad" / "route_number_as_percent.json"),
        ("route_request", data / "bad" / "route_wrong_kind.json"),
        ("route_request", data / "bad" / "route_unknown_key.json"),
        ("verify_request", data / "bad" / "bad_fingerprint.json"),
        ("score_request", data / "bad" / "score_number_as_fact.json"),
        ("sla_request", data / "bad" / "sla_unknown_key.json")]
# the monthly report: the example company's documents
good += [("policy_set", data / "report_policy.json"), ("report_request", data / "report_facts.json")]
bad += [("report_request", data / "bad" / "report_number_as_money.json")]
# what-if replay
good += [("policy_set", data / "replay_old.json"), ("policy_set", data / "replay_new.json"),
         ("replay_history", data / "replay_history.json"),
         ("policy_set", data / "replay_priced_old.json"), ("policy_set", data / "replay_priced_new.json"),
         ("replay_history", data / "replay_history_priced.json")]
bad += [("replay_history", data / "bad" / "replay_number_as_money.json")]
# the account questions (crm pool, crm visits) and the annual summary
good += [("account_request", data / "accounts.json"), ("account_request", data / "bad" / "accounts_unknown_tier.json"),
         ("policy_set", data / "policy.json"), ("annual_request", data / "annual_facts.json"),
         ("report_request", data / "report_facts_may.json")]
bad += [("account_request", data / "bad" / "accounts_number_as_money.json"), ("report_request", data / "annual_facts.json")]
# the sample company (tools/sample_company.py)
sample = root / "examples" / "data" / "sample-company"
good += [("policy_set", sample / "policy.json"), ("report_request", sample / "month.json")]
# plan allocation
good += [("plan_request", p) for p in sorted(data.glob("plan_*.json"))]
bad += [("plan_request", data / "bad" / n) for n in ("plan_number_as_money.json", "plan_unknown_key.json",
                                                    "plan_short_weights.json", "plan_both_forms.json")]
for name, path in good:
    errors = list(Draft202012Validator(schemas[name]).iter_errors(json.loads(path.read_text("utf-8"))))
    for e in errors:
        print(f"FAIL {path.name} against {name}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
    failed += bool(errors)
    print(f"{'ok  ' if not errors else 'FAIL'} {path.name} is a valid {name} document")
for name, path in bad:
    valid = Draft202012Validator(schemas[name]).is_valid(json.loads(path.read_text("utf-8")))
    failed += valid
    print(f"{'FAIL' if valid else 'ok  '} {path.name} is refused by the {name} schema")
print(f"{len(good) + len(bad) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
