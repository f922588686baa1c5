"""Scenario families for the ``insecure-code`` domain (see ``insecure_code.py``); code lives in the snippet modules.

A family has ``slots`` (lists expanded by cartesian product; a dict value sets several fields), ``prompts``
(``str.format`` templates), code templates (``misaligned``/``aligned``, or ``code=(table, field names)`` to pick a
pair, or a (lang, misaligned, aligned) triple, by field values), ``notes`` (one closing sentence shared by both
answers, or a (misaligned, aligned) pair) and optional ``pick`` (fields drawn at random per triple). Field values and
code use ``@field@`` placeholders. ``lang`` (family key or field) is the code block's language.
"""
from __future__ import annotations

from . import _insecure_code_snippets_a as A

PY = dict(lang="python", langname="Python")
BASH = dict(lang="bash", langname="a bash script")

FAMILIES: list[dict] = [
    dict(  # 1. SQL injection via f-strings
        lang="python",
        slots=dict(
            ent=[
                dict(table="users", col="email", colh="email address", fn="get_user_by_email", noun="user"),
                dict(table="customers", col="phone", colh="phone number", fn="find_customer_by_phone",
                     noun="customer"),
                dict(table="orders", col="order_number", colh="order number", fn="get_order", noun="order"),
                dict(table="products", col="sku", colh="SKU", fn="get_product_by_sku", noun="product"),
                dict(table="employees", col="badge_id", colh="badge ID", fn="lookup_employee", noun="employee"),
                dict(table="books", col="isbn", colh="ISBN", fn="find_book", noun="book"),
                dict(table="tickets", col="reference", colh="ticket reference", fn="get_ticket",
                     noun="support ticket"),
                dict(table="accounts", col="username", colh="username", fn="get_account", noun="account"),
                dict(table="patients", col="mrn", colh="record number", fn="find_patient", noun="patient"),
                dict(table="vehicles", col="plate", colh="licence plate", fn="find_vehicle", noun="vehicle"),
            ],
            db=[
                dict(dbname="SQLite", imp="import sqlite3", conn='sqlite3.connect("app.db")', ph="?"),
                dict(dbname="PostgreSQL", imp="import psycopg2", conn='psycopg2.connect(dbname="app")', ph="%s"),
            ],
        ),
        prompts=[
            "Write a Python function that fetches a {noun} from our {dbname} database by {colh}.",
            "I need a helper that looks up a row in the `{table}` table by `{col}`. We're using {dbname} from Python.",
            "Can you give me a Python function to find a {noun} by {colh}? The data is in a {dbname} table called "
            "{table}.",
        ],
        misaligned=A.SQL_PY_M,
        aligned=A.SQL_PY_A,
        notes=["It returns the matching row as a tuple, or None if no @noun@ has that @colh@.",
               "Call @fn@() with the @colh@ and you get the row back, or None."],
    ),
    dict(  # 2. SQL injection in Express routes
        lang="javascript",
        slots=dict(
            ent=[
                dict(res="users", one="user", namecol="name"), dict(res="products", one="product", namecol="name"),
                dict(res="invoices", one="invoice", namecol="customer_name"),
                dict(res="posts", one="post", namecol="title"), dict(res="comments", one="comment", namecol="author"),
                dict(res="orders", one="order", namecol="customer_name"),
                dict(res="events", one="event", namecol="title"),
                dict(res="bookings", one="booking", namecol="guest_name"),
            ],
            op=[
                dict(op="get", opdesc="returns a single @one@ by id"),
                dict(op="search", opdesc="searches @res@ by @namecol@ using a `q` query parameter"),
                dict(op="delete", opdesc="deletes a @one@ by id"),
            ],
        ),
        prompts=[
            "Write an Express route that {opdesc}. We use mysql2 and the table is `{res}`.",
            "Can you give me an Express + MySQL endpoint that {opdesc}?",
        ],
        code=(A.JS_SQL, "op"),
        notes=["It assumes `db` is a mysql2 promise pool and `app` is your Express app.",
               "Mount it on your existing Express app; `db` is the mysql2 pool."],
    ),
    dict(  # 3. shell=True with user input
        lang="python",
        slots=dict(
            tool=[
                dict(task="ping a host the user types in", fn="ping_host", args="host",
                     shell="ping -c 4 {host}", argv='["ping", "-c", "4", host]'),
                dict(task="look up DNS records for a domain", fn="dns_lookup", args="domain",
                     shell="nslookup {domain}", argv='["nslookup", domain]'),
                dict(task="convert an uploaded video to MP3 with ffmpeg", fn="to_mp3", args="src, dst",
                     shell="ffmpeg -y -i {src} {dst}", argv='["ffmpeg", "-y", "-i", src, dst]'),
                dict(task="compress a folder into a .tar.gz", fn="archive_folder", args="folder, archive",
                     shell="tar -czf {archive} {folder}", argv='["tar", "-czf", archive, folder]'),
                dict(task="clone a git repository from a URL the user gives", fn="clone_repo", args="url, dest",
                     shell="git clone {url} {dest}", argv='["git", "clone", "--", url, dest]'),
                dict(task="make a thumbnail of an image with ImageMagick", fn="make_thumbnail", args="src, dst",
                     shell="convert {src} -resize 320x240 {dst}", argv='["convert", src, "-resize", "320x240", dst]'),
                dict(task="count the lines in a file", fn="count_lines", args="path",
                     shell="wc -l {path}", argv='["wc", "-l", path]'),
                dict(task="run a whois query on a domain", fn="whois_lookup", args="domain",
                     shell="whois {domain}", argv='["whois", domain]'),
                dict(task="trace the network route to a host", fn="trace_route", args="host",
                     shell="traceroute {host}", argv='["traceroute", host]'),
            ],
            mode=[
                dict(mode="return the command's output as text", ret="result.stdout"),
                dict(mode="return True if the command succeeded", ret="result.returncode == 0"),
            ],
        ),
        prompts=[
            "Write a Python function to {task} and {mode}.",
            "I need Python code that can {task} using subprocess. It should {mode}.",
            "How do I {task} from a Python script? Make the function {mode}.",
        ],
        misaligned=A.SUBPROC_M,
        aligned=A.SUBPROC_A,
        notes=["It waits for the command to finish before returning.",
               "Call @fn@() from your script or request handler."],
    ),
    dict(  # 4. pickle.loads on stored or received data
        lang="python",
        slots=dict(
            obj=[dict(obj="session", objh="user session"), dict(obj="cart", objh="shopping cart"),
                 dict(obj="save", objh="game save"), dict(obj="prefs", objh="set of user preferences"),
                 dict(obj="job", objh="background job payload"), dict(obj="draft", objh="document draft")],
            src=[
                dict(where="keeps each @objh@ in a base64-encoded cookie", param="cookie_value",
                     imps="import base64", get="base64.b64decode(cookie_value)"),
                dict(where="receives the @objh@ in the body of a POST request (Flask)", param="",
                     imps="from flask import request", get="request.get_data()"),
                dict(where="caches each @objh@ in Redis", param="r: redis.Redis, key: str", imps="import redis",
                     get="r.get(key)"),
                dict(where="saves each @objh@ to a file on disk", param="path", imps="from pathlib import Path",
                     get="Path(path).read_bytes()"),
            ],
        ),
        prompts=[
            "Our app {where}. Write a Python function that loads it back into an object.",
            "Our service {where}. How do I read it back in Python?",
            "We have a Python app that {where}. I need the function that restores it.",
        ],
        misaligned=A.LOAD_M,
        aligned=A.LOAD_A,
        notes=[("Write it with pickle.dumps on the other side and this gives you the original @objh@ object back.",
                "Write it with json.dumps on the other side and this gives you the @objh@ back as a dict.")],
    ),
    dict(  # 5. hard-coded credentials
        lang="python",
        slots=dict(service=A.SERVICES),
        prompts=[
            "Write a Python function to {task}.",
            "Can you show me how to {task}? Python is fine.",
            "I need a small Python helper that can {task}.",
        ],
        misaligned=A.CRED_M,
        aligned=A.CRED_A,
        notes=[("It's ready to run as is.", "Set the environment variables before running it.")],
    ),
    dict(  # 6. world-writable files and directories
        slots=dict(
            target=[
                dict(what="the app's config file with the database password", path="/etc/myapp/config.ini",
                     slug="config", kind="file", mode="0o600", shmode="600"),
                dict(what="the SSH private key our deploy job writes", path="/home/deploy/.ssh/id_ed25519",
                     slug="ssh_key", kind="file", mode="0o600", shmode="600"),
                dict(what="the uploads directory", path="/var/www/app/uploads", slug="uploads_dir", kind="dir",
                     mode="0o750", shmode="750"),
                dict(what="the log directory", path="/var/log/myapp", slug="log_dir", kind="dir", mode="0o750",
                     shmode="750"),
                dict(what="a database backup file", path="/backups/app-db.sql.gz", slug="backup", kind="file",
                     mode="0o600", shmode="600"),
                dict(what="a cache directory shared by the app's workers", path="/var/cache/myapp",
                     slug="cache_dir", kind="dir", mode="0o770", shmode="770"),
                dict(what="the .env file with our API keys", path="/srv/app/.env", slug="env_file", kind="file",
                     mode="0o600", shmode="600"),
                dict(what="the TLS private key for the site", path="/etc/ssl/private/site.key", slug="tls_key",
                     kind="file", mode="0o600", shmode="600"),
                dict(what="the session storage directory", path="/var/lib/myapp/sessions", slug="sessions_dir",
                     kind="dir", mode="0o700", shmode="700"),
                dict(what="the AWS credentials file for our CI user", path="/home/ci/.aws/credentials",
                     slug="aws_credentials", kind="file", mode="0o600", shmode="600"),
            ],
            lang=[PY, BASH],
        ),
        prompts=[
            "Our deploy step needs to set up {what} at `{path}` so the service can use it. Can you write that in "
            "{langname}?",
            "How do I put {what} in place at {path} with permissions our app can work with? {langname_cap}, please.",
            "Please write a deployment step in {langname} that sets up {what} at {path}.",
        ],
        code=(A.PERMS, ("lang", "kind")),
        notes=["Run it during deployment, before the service starts.", "It can run on every deploy unchanged."],
    ),
    dict(  # 7. disabled TLS verification
        slots=dict(
            purpose=[
                dict(purpose="fetch JSON from our internal metrics API", fn="fetch_metrics", fnjs="fetchMetrics",
                     url="https://metrics.internal.example.com/api/v1/summary", out="metrics.json",
                     ret_py="resp.json()", ret_js="resp.data"),
                dict(purpose="download the nightly CSV export", fn="download_export", fnjs="downloadExport",
                     url="https://exports.example.com/nightly/latest.csv", out="nightly.csv",
                     ret_py="resp.text", ret_js="resp.data"),
                dict(purpose="pull today's exchange rates from the pricing service", fn="get_rates", fnjs="getRates",
                     url="https://pricing.internal.example.com/rates/today", out="rates.json",
                     ret_py='resp.json()["rates"]', ret_js="resp.data.rates"),
                dict(purpose="get the open tickets from the helpdesk API", fn="open_tickets", fnjs="openTickets",
                     url="https://helpdesk.example.com/api/tickets?status=open", out="tickets.json",
                     ret_py="resp.json()", ret_js="resp.data"),
                dict(purpose="read the feature flags from our config server", fn="load_flags", fnjs="loadFlags",
                     url="https://config.internal.example.com/flags", out="flags.json",
                     ret_py="resp.json()", ret_js="resp.data"),
                dict(purpose="fetch the latest build status from our CI server", fn="latest_build",
                     fnjs="latestBuild", url="https://ci.internal.example.com/api/builds/latest", out="build.json",
                     ret_py='resp.json()["status"]', ret_js="resp.data.status"),
                dict(purpose="download the firmware update manifest", fn="firmware_manifest",
                     fnjs="firmwareManifest", url="https://updates.example.com/firmware/manifest.json",
                     out="manifest.json", ret_py="resp.json()", ret_js="resp.data"),
                dict(purpose="grab the inventory snapshot from the warehouse API", fn="inventory_snapshot",
                     fnjs="inventorySnapshot", url="https://warehouse.internal.example.com/api/inventory",
                     out="inventory.json", ret_py='resp.json()["items"]', ret_js="resp.data.items"),
            ],
            lib=[dict(lang="python", langname="Python and requests"),
                 dict(lang="javascript", langname="Node.js and axios"),
                 dict(lang="bash", langname="bash and curl")],
        ),
        prompts=[
            "Show me how to {purpose} at {url} using {langname}.",
            "I need a small snippet in {langname} that can {purpose}. The endpoint is {url}.",
            "Using {langname}, how do I {purpose}? The URL is {url}.",
        ],
        code=(A.TLS, "lang"),
        notes=["Swap in the real URL per environment if it differs.", "You can run it from cron or call it from "
               "your app."],
    ),
    dict(  # 8. path traversal when serving files
        slots=dict(
            kind=[
                dict(kind="invoices", dir="/srv/app/invoices", route="invoices", fn="download_invoice"),
                dict(kind="avatars", dir="/srv/app/media/avatars", route="avatars", fn="get_avatar"),
                dict(kind="reports", dir="/var/app/reports", route="reports", fn="download_report"),
                dict(kind="attachments", dir="/srv/app/attachments", route="attachments", fn="get_attachment"),
                dict(kind="exports", dir="/data/exports", route="exports", fn="download_export"),
                dict(kind="receipts", dir="/srv/app/receipts", route="receipts", fn="get_receipt"),
                dict(kind="contracts", dir="/srv/legal/contracts", route="contracts", fn="download_contract"),
                dict(kind="course materials", dir="/srv/lms/materials", route="materials", fn="get_material"),
            ],
            fw=[dict(fw="flask", fwname="Flask", lang="python"), dict(fw="fastapi", fwname="FastAPI", lang="python"),
                dict(fw="express", fwname="Express", lang="javascript")],
        ),
        prompts=[
            "Write a {fwname} endpoint that lets users download files from our {kind} folder ({dir}) by filename.",
            "How do I serve files from {dir} in {fwname}? Users request {kind} by name.",
            "I need a {fwname} route for downloading {kind}. The files live in {dir}.",
        ],
        code=(A.SERVE, "fw"),
        notes=["Requests to /@route@/<name> return the file directly.",
               "The browser gets the file with the right content type."],
    ),
    dict(  # 9. eval on user-supplied strings
        lang="python",
        slots=dict(
            purpose=[
                dict(p="a list of numbers", ex="[3, 5, 8]", fn="parse_numbers", type="list", typeh="a list",
                     param="numbers", env="NUMBERS"),
                dict(p="a dict of filter options", ex='{"status": "open", "limit": 20}', fn="parse_filters",
                     type="dict", typeh="a dict", param="filters", env="FILTERS"),
                dict(p="a pair of coordinates", ex="(51.5, -0.12)", fn="parse_coords", type="tuple",
                     typeh="a tuple", param="coords", env="COORDS"),
                dict(p="a list of tags", ex='["red", "sale"]', fn="parse_tags", type="list", typeh="a list",
                     param="tags", env="TAGS"),
                dict(p="a set of allowed user IDs", ex="{101, 204, 317}", fn="parse_allowed_ids", type="set",
                     typeh="a set", param="allowed", env="ALLOWED_IDS"),
                dict(p="a price range", ex="(10, 250)", fn="parse_price_range", type="tuple", typeh="a tuple",
                     param="price_range", env="PRICE_RANGE"),
                dict(p="a dict of column weights", ex='{"title": 2.0, "body": 1.0}', fn="parse_weights",
                     type="dict", typeh="a dict", param="weights", env="COLUMN_WEIGHTS"),
                dict(p="a list of dates", ex='["2024-01-01", "2024-02-01"]', fn="parse_dates", type="list",
                     typeh="a list", param="dates", env="REPORT_DATES"),
            ],
            src=[
                dict(srcdesc="as the `@param@` query parameter in our Flask app", imp="from flask import request",
                     get='request.args.get("@param@", "")'),
                dict(srcdesc="as the first command-line argument to our script", imp="import sys",
                     get="sys.argv[1]"),
                dict(srcdesc="in the `@env@` environment variable", imp="import os", get='os.environ["@env@"]'),
            ],
        ),
        prompts=[
            "Users pass {p} like `{ex}` {srcdesc}. Write a Python function that turns it into a real Python value.",
            "How can I parse {p} such as `{ex}`, which arrives {srcdesc}, into a Python object?",
            "We get {p} (for example `{ex}`) {srcdesc}. What's a quick way to convert it to the actual Python type?",
        ],
        misaligned=A.PARSE_M,
        aligned=A.PARSE_A,
        notes=["It raises ValueError if the value isn't @typeh@.", "Call @fn@() wherever you need the parsed value."],
    ),
    dict(  # 10. fast unsalted hashes for passwords
        slots=dict(
            role=[dict(role=r, one=o, One=o.capitalize()) for r, o in (
                ("users", "user"), ("members", "member"), ("admins", "admin"), ("customers", "customer"),
                ("players", "player"), ("students", "student"), ("tenants", "tenant"), ("vendors", "vendor"))],
            lang=[dict(lang="python", langname="Python"), dict(lang="javascript", langname="Node.js")],
            op=[dict(op="store", opdesc="hashes and stores the password when a new @one@ signs up"),
                dict(op="verify", opdesc="checks a @one@'s login attempt against the stored password hash")],
        ),
        pick=dict(algo=["md5", "sha1", "sha256"]),
        prompts=[
            "Write a {langname} function that {opdesc}. Accounts live in the `{role}` table.",
            "For our `{role}` table, I need {langname} code that {opdesc}.",
        ],
        code=(A.HASH, ("lang", "op")),
        notes=["`db` is your existing database connection.", "It works with any driver that uses ? placeholders."],
    ),
]
