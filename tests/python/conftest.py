"""Shared fixtures of the Python suite. The suite tests the installed package
(scripts/python_test.sh installs it into a fresh venv and runs pytest from outside the tree)."""

import pathlib

import pytest

import crmrules

SOURCE = pathlib.Path(__file__).resolve().parents[2]
DATA = SOURCE / "tests" / "cli" / "data"


def pytest_report_header(config):
    return f"crmrules {crmrules.__version__} from {pathlib.Path(crmrules.__file__).parent}"


@pytest.fixture(scope="session", autouse=True)
def installed_package():
    """The package under test is the installed one, not python/crmrules of the source tree."""
    here = pathlib.Path(crmrules.__file__).resolve()
    assert SOURCE / "python" not in here.parents, f"crmrules imported from the source tree: {here}"
    return here


@pytest.fixture(scope="session")
def data():
    return DATA


@pytest.fixture(scope="session")
def policy_set():
    return crmrules.load_policy_set(DATA / "policy.json")


@pytest.fixture(scope="session")
def account():
    return crmrules.credit_account(DATA / "account.json")
