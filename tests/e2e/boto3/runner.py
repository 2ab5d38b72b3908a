"""Runs every test_*.py in a folder with stdlib unittest and ends with 'N passed, N failed'."""
import sys
import unittest

suite = unittest.defaultTestLoader.discover(sys.argv[1], pattern="test_*.py", top_level_dir=sys.argv[1])
result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
print(f"{result.testsRun - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
