# Task commands used by developers, the README and .ci/run alike.
.PHONY: setup report test lint bench wheel-check

setup:
	bash scripts/setup.sh

report: setup  ## install, then report on the bundled default corpus (fixtures/seeds)
	.venv/bin/checker report --format md --out report.md
	.venv/bin/checker report --format html --out report.html --quiet
	@echo "wrote report.md and report.html"

test: setup  ## install, then run the test suite
	.venv/bin/python -m pytest -q

lint: setup  ## ruff (lint and format) on everything, mypy on checker/
	.venv/bin/ruff check checker tests bench scripts
	.venv/bin/ruff format --check checker tests bench scripts
	.venv/bin/mypy

wheel-check: setup  ## build the wheel, install it in a fresh venv, report from an empty folder
	bash scripts/wheel_check.sh

bench: setup  ## quality and speed benchmarks (slow; needs ../shared/data)
	.venv/bin/python bench/quality.py --out bench/results/quality.json
	.venv/bin/python bench/speed.py --out bench/results/speed.json
	.venv/bin/python bench/check_speed.py --out bench/results/check_speed.json
