"""Starts and stops the background reader beside a web server (`serve`, `demo`)."""

from __future__ import annotations

import atexit
import os
import subprocess
import sys


def start() -> subprocess.Popen:
    starter = os.getpid()
    # --parent: the reader stops by itself when the server ends without a goodbye
    # (runserver leaves through os._exit when its port is taken).
    worker = subprocess.Popen([sys.executable, "-m", "leitstand", "onboarding_worker",
                               "--parent", str(starter)])

    def stop():
        # Server processes forked later inherit this hook; only the starter stops the reader.
        if os.getpid() == starter and worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()

    atexit.register(stop)
    worker.stop = stop
    return worker
