"""Runs one reliability suite (a test_*.py file) with stdlib unittest and ends with
'N passed, N failed'."""
import os
import sys
import unittest

path = os.path.abspath(sys.argv[1])
sys.path.insert(0, os.path.dirname(path))
suite = unittest.defaultTestLoader.discover(os.path.dirname(path), pattern=os.path.basename(path),
                                            top_level_dir=os.path.dirname(path))
result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
print(f"{result.testsRun - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
