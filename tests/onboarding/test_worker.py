"""The background reader beside the server stops when the server is gone."""

import os
import subprocess
import sys
import time


def test_the_reader_stops_when_its_server_is_gone(tmp_path):
    env = {**os.environ, "LEITSTAND_DATA": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "leitstand", "migrate", "-v", "0"], env=env,
                   check=True, timeout=300)
    # a stand-in server that starts the reader and vanishes without cleaning up
    server = subprocess.Popen([sys.executable, "-c", (
        "import os, sys, time\n"
        "from leitstand.onboarding import worker_process\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'leitstand.settings')\n"
        "w = worker_process.start()\n"
        "print(w.pid, flush=True)\n"
        "time.sleep(3)\n"
        "os._exit(1)\n")], env=env, stdout=subprocess.PIPE, text=True)
    reader = int(server.stdout.readline())
    server.wait(timeout=60)
    for _ in range(60):
        try:
            os.kill(reader, 0)
        except ProcessLookupError:
            return
        time.sleep(0.5)
    os.kill(reader, 9)
    raise AssertionError("the reader outlived its server")
