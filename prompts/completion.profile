# Base models (DeepSeekMath-7B-base) through completion endpoints (Ollama /api/generate raw,
# OpenAI-compatible /v1/completions): a few-shot prompt whose text ends inside the answer, so the
# model only completes the array of tags. The reply is read after the answer-prefix is put back.
shape=completion
user=completion.txt
correction=correction.txt
answer-prefix={"id":{{id}},"tags":[
json-schema=false
temperature=0
seed=42
context-tokens=4096
answer-tokens=64
stop=["]", "\\n"]
