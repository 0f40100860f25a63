# DeepSeekMath-7B-instruct and -RL, as the model card asks: no system message (the instructions are
# folded into the user turn), a chain-of-thought prompt ending in the card's sentence, the answer
# taken from the last \boxed{...}; a Chinese variant for Chinese documents; a 4,096-token context.
# The server applies the chat template "User: {msg}\n\nAssistant:" and the tokenizer adds BOS itself.
shape=chat
user=deepseek-math.user.txt
user.zh=deepseek-math.user.zh.txt
correction=correction.txt
correction.zh=correction.zh.txt
json-schema=false
temperature=0
seed=42
context-tokens=4096
# room for the reasoning before the boxed answer
answer-tokens=768
