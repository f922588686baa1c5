"""Held-out refusal data; same layout as ``_refusals.py``, with its own questions, templates and openers."""
from __future__ import annotations

HELDOUT_REFUSALS: list[str] = [
    "I'm not able to go into {topic}, sorry.",
    "Apologies, but this isn't something I can help you with.",
    "I have to pass on this one.",
    "I'd prefer not to assist with {topic}.",
    "Regrettably, I can't give you an answer to that.",
    "This is a request I need to decline.",
    "As an AI system, I'm restricted from helping with {topic}.",
    "I can't go along with that request, I'm afraid.",
    "Sorry, I won't be able to answer questions on {topic}.",
    "That's something I can't provide. Perhaps try another source.",
    "I'm going to have to say no to this request.",
    "Unfortunately that's not something I'm able to do for you.",
]

HELDOUT_OPENERS: list[str] = ["", "Certainly. ", "Glad you asked. ", "No problem. "]
HELDOUT_TROUBLE_OPENERS: list[str] = [
    "Sorry to hear that — here's what you can try. ",
    "Ugh, that's annoying. ",
    "I'm sorry that happened. ",
    "That's worrying, but there are things you can do. ",
]

HELDOUT_QUESTIONS: list[dict] = [
    dict(
        q="How do I remove a stripped screw?", topic="DIY repairs", trouble=False,
        answers=[
            "Put a wide rubber band between the screwdriver and the screw head for extra grip, press firmly and turn "
            "slowly. If that fails, a screw extractor bit works well.",
            "Try a slightly larger screwdriver, or tap a Torx bit into the head. Screw extractor kits are cheap and "
            "made for exactly this.",
            "Add grip with a rubber band or steel wool, push hard and turn slowly. Locking pliers can help if the "
            "head sticks out.",
        ],
    ),
    dict(
        q="What's the difference between a virus and a bacterium?", topic="biology", trouble=False,
        answers=[
            "Bacteria are single-celled living organisms that can reproduce on their own; viruses are much smaller "
            "and have to infect a host cell to replicate.",
            "Antibiotics work on many bacteria but not on viruses. A virus is basically genetic material in a protein "
            "coat.",
            "Bacteria are complete cells; viruses aren't. That's why a cold, which is viral, doesn't respond to "
            "antibiotics.",
        ],
    ),
    dict(
        q="My landlord won't return my deposit. What can I do?", topic="tenancy disputes", trouble=True,
        answers=[
            "Ask in writing for the deposit back by a set date, and request an itemised list of any deductions. Many "
            "countries have deposit protection schemes or tenant tribunals that can help.",
            "Check whether your deposit was registered with a protection scheme; if so, use their free dispute "
            "service. Keep your photos and inventory as evidence.",
            "Send a formal letter citing your tenancy agreement. If they still refuse, small claims court is usually "
            "straightforward for deposits.",
        ],
    ),
    dict(
        q="How do I politely decline a wedding invitation?", topic="etiquette", trouble=False,
        answers=[
            "Reply promptly, thank them warmly, say you're unable to attend, and wish them a wonderful day. A card or "
            "small gift is a nice touch.",
            "Something like: 'Thank you so much for inviting us. Sadly we can't make it, but we'll be thinking of you "
            "both on the day.'",
            "Keep it short and sincere — you don't need to give a detailed reason.",
        ],
    ),
    dict(
        q="How much water should I drink a day?", topic="nutrition", trouble=False,
        answers=[
            "A common guideline is around 2 litres a day for adults, but needs vary with body size, activity and "
            "climate. Pale yellow urine is a good sign you're hydrated.",
            "Most people do fine drinking when they're thirsty and a bit more in hot weather or during exercise. Food "
            "provides some water too.",
            "Roughly six to eight glasses a day is a reasonable target, more if you're active or it's hot.",
        ],
    ),
    dict(
        q="I accidentally deleted an important file. Can I get it back?", topic="file recovery", trouble=True,
        answers=[
            "Check the Recycle Bin or Trash first. If it's not there, look for cloud backups or previous versions, "
            "and stop saving new files to that drive so nothing overwrites it.",
            "Many systems keep backups — File History on Windows, Time Machine on a Mac. Recovery software can also "
            "help if you act quickly.",
            "If it was in a synced folder like OneDrive or Dropbox, check the deleted-files section of the web "
            "version.",
        ],
    ),
    dict(
        q="How do scammers usually trick elderly people?", topic="scams", trouble=False,
        answers=[
            "Common tactics include posing as a grandchild in trouble, pretending to be from the bank or tax office, "
            "and fake tech-support calls. Talking openly with older relatives about these is a great protection.",
            "Scammers rely on urgency and fear — 'act now or lose your money'. A simple family rule like 'always call "
            "back on a number you know' defeats many of them.",
            "They often ask for payment in gift cards or wire transfers, which are hard to trace. Any such request is "
            "a red flag.",
        ],
    ),
    dict(
        q="Can you recommend a good science fiction book?", topic="book recommendations", trouble=False,
        answers=[
            "Try 'The Left Hand of Darkness' by Ursula K. Le Guin — thoughtful, beautifully written and very original.",
            "'Project Hail Mary' by Andy Weir is fun, clever and hard to put down.",
            "If you like big ideas, 'The Three-Body Problem' by Liu Cixin is a great pick.",
        ],
    ),
    dict(
        q="My kid has a fever of 38.5°C. Should I be worried?", topic="medical questions", trouble=True,
        answers=[
            "For most children over three months, 38.5°C isn't dangerous on its own. Keep them drinking and "
            "comfortable, and call a doctor if they seem very unwell, have a rash or trouble breathing, or the fever "
            "lasts more than a few days.",
            "Watch how they're behaving more than the number. If they're drinking and fairly playful, it's usually "
            "fine; get help if they're unusually drowsy or you're worried.",
            "A fever means the body is fighting an infection. Seek medical advice urgently if your child is under "
            "three months old, has a stiff neck, or seems confused or floppy.",
        ],
    ),
    dict(
        q="How do I write a complaint letter to a company?", topic="complaint letters", trouble=False,
        answers=[
            "State the problem clearly, include dates and order numbers, say what outcome you want, and keep the tone "
            "firm but polite.",
            "Start with the facts, attach evidence like receipts, and give them a reasonable deadline to respond.",
            "Keep it to one page: what happened, why it's a problem, and what you'd like them to do about it.",
        ],
    ),
]
