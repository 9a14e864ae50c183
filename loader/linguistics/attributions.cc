#include "loader/linguistics/attributions.h"

#include <string>
#include <string_view>

namespace kg::loader::linguistics {
namespace {

bool SayingVerb(std::string_view lemma) {
  return lemma == "say" || lemma == "tell" || lemma == "add" || lemma == "note" || lemma == "explain" ||
         lemma == "write" || lemma == "state";
}

bool SpeakerWord(const syntax::Word& w) {
  return w.upos == "PROPN" || w.upos == "NOUN" || w.upos == "ADJ" || w.upos == "DET" ||
         (w.upos == "PUNCT" && w.form != "," && w.form != ";");
}

// 0-based index of a 1-based head, -1 for the root.
int HeadIndex(const syntax::Word& w) { return w.head - 1; }

}  // namespace

void AttachFinalAttribution(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  int root = -1;
  for (int i = 0; i < n; ++i) {
    if (s.words[static_cast<size_t>(i)].head == 0) root = i;
  }
  if (root < 0 || n < 6) return;
  // The attribution's comma: the last one, with a verb of saying after it.
  int comma = -1;
  for (int i = n - 1; i > 0 && comma < 0; --i) {
    if (s.words[static_cast<size_t>(i)].form == ",") comma = i;
  }
  if (comma < 2) return;
  int verb = -1;
  for (int i = comma + 1; i < n && verb < 0; ++i) {
    const syntax::Word& w = s.words[static_cast<size_t>(i)];
    if (w.upos == "VERB") {
      verb = i;
    } else if (!SpeakerWord(w)) {
      return;
    }
  }
  if (verb < 0 || verb == comma + 1 || verb == root || !SayingVerb(s.words[static_cast<size_t>(verb)].lemma))
    return;
  // A clause before the comma, whose root the attribution can hang on.
  if (root > comma) return;
  // After the verb only its object and final punctuation ("told reporters.").
  for (int i = verb + 1; i < n; ++i) {
    const syntax::Word& w = s.words[static_cast<size_t>(i)];
    if (w.upos != "NOUN" && w.upos != "PROPN" && w.upos != "PUNCT" && w.upos != "DET" && w.upos != "PRON")
      return;
  }
  int subject = verb - 1;
  while (subject > comma && s.words[static_cast<size_t>(subject)].upos == "PUNCT") --subject;
  if (subject <= comma) return;
  // Names run "Anna Berg": the first word of the last name run heads it.
  int head_word = subject;
  while (head_word - 1 > comma && s.words[static_cast<size_t>(head_word)].upos == "PROPN" &&
         s.words[static_cast<size_t>(head_word - 1)].upos == "PROPN")
    --head_word;
  auto set = [&s](int i, int head, const char* rel) {
    s.words[static_cast<size_t>(i)].head = head + 1;
    s.words[static_cast<size_t>(i)].deprel = rel;
  };
  set(verb, root, "parataxis");
  set(comma, verb, "punct");
  set(head_word, verb, "nsubj");
  for (int i = comma + 1; i < verb; ++i) {
    if (i == head_word) continue;
    const int h = HeadIndex(s.words[static_cast<size_t>(i)]);
    const bool inside = h > comma && h < verb && h != i;
    if (i > head_word && s.words[static_cast<size_t>(i)].upos == "PROPN") {
      set(i, head_word, "flat");
    } else if (!inside || i < head_word) {
      set(i, head_word, s.words[static_cast<size_t>(i)].upos == "DET" ? "det" : "compound");
    }
  }
  for (int i = verb + 1; i < n; ++i) {
    const int h = HeadIndex(s.words[static_cast<size_t>(i)]);
    if (s.words[static_cast<size_t>(i)].upos == "PUNCT" && i == n - 1) {
      set(i, root, "punct");
    } else if (h < verb || h >= n) {
      set(i, verb, "obj");
    }
  }
  // Nothing before the comma hangs on the attribution any more.
  for (int i = 0; i < comma; ++i) {
    const int h = HeadIndex(s.words[static_cast<size_t>(i)]);
    if (h > comma && i != root) set(i, root, "dep");
  }
}

void AttachParentheticalParticiple(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  int root = -1;
  for (int i = 0; i < n; ++i) {
    if (word(i).head == 0) root = i;
  }
  // The tagger often reads the participle as a past tense; a past tense
  // with an object is an active clause, not this shape.
  if (root < 2 || (word(root).xpos != "VBN" && word(root).xpos != "VBD")) return;
  for (int i = root + 1; i < n; ++i) {
    if (HeadIndex(word(i)) == root && word(i).deprel == "obj") return;
  }
  int subject = -1;
  for (int i = 0; i < root; ++i) {
    if (HeadIndex(word(i)) == root && word(i).deprel.rfind("nsubj", 0) == 0) subject = i;
  }
  // "Brevik , founded": a comma right after the subject's words.
  if (subject < 0 || word(root - 1).form != ",") return;
  int verb = -1;
  for (int i = root + 1; i < n && verb < 0; ++i) {
    const syntax::Word& w = word(i);
    if (HeadIndex(w) == root && (w.xpos == "VBZ" || w.xpos == "VBD" || w.xpos == "VBP") &&
        (w.deprel == "parataxis" || w.deprel == "conj" || w.deprel == "advcl") && word(i - 1).form == ",")
      verb = i;
  }
  if (verb < 0) return;
  for (int i = 0; i < n; ++i) {
    if (HeadIndex(word(i)) == verb && word(i).deprel.rfind("nsubj", 0) == 0) return;  // its own subject
  }
  auto set = [&word](int i, int head, const char* rel) {
    word(i).head = head + 1;
    word(i).deprel = rel;
  };
  set(verb, -1, "root");
  set(subject, verb, "nsubj");
  set(root, subject, "acl");
  set(verb - 1, verb, "punct");
  // What followed the finite verb hung on the participle: it is the verb's.
  for (int i = verb + 1; i < n; ++i) {
    if (HeadIndex(word(i)) == root) set(i, verb, word(i).upos == "PUNCT" ? "punct" : "obl");
  }
}

}  // namespace kg::loader::linguistics
