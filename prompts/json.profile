# Default profile: a system message, the instruction with the allowed tags and the exact output
# contract; answers constrained by a JSON schema where the server supports it (Ollama "format",
# OpenAI "response_format" json_schema). Set json-schema=false (or tagger.json-schema=false) for
# servers without structured output.
shape=chat
system=json.system.txt
user=json.user.txt
correction=correction.txt
json-schema=true
temperature=0
seed=42
context-tokens=4096
# a JSON answer of a few tags is short; leave the rest of the context to the document
answer-tokens=256
