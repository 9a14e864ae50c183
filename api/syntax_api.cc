// kg::SyntaxModel and the CoNLL-U functions of include/kg/syntax.h, over the
// internal syntax module (syntax/model.h, syntax/conllu.h).
#include <map>
#include <mutex>
#include <utility>

#include "api/syntax_text.h"
#include "kg/syntax.h"
#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/model_registry.h"

namespace kg {

struct SyntaxModel::Impl {
  std::string path;
  std::shared_ptr<const syntax::Model> model;  // shared with syntax/model_registry.h's cache
};

namespace {

// "" ↔ "_": the public types use "" for "none" in every text field.
std::string FromField(const std::string& s) { return s == "_" ? std::string() : s; }

syntax::Sentence ToInternal(const SyntaxSentence& s) {
  syntax::Sentence out;
  out.comments = s.comments;
  out.words.reserve(s.words.size());
  for (const SyntaxWord& w : s.words) {
    syntax::Word iw;
    iw.form = w.form;
    iw.lemma = w.lemma;
    iw.upos = w.upos;
    iw.xpos = w.xpos;
    iw.feats = w.feats;
    iw.head = w.head;
    iw.deprel = w.deprel;
    iw.misc = w.misc;
    out.words.push_back(std::move(iw));
  }
  for (const SyntaxMultiwordToken& t : s.multiword_tokens)
    out.multiword_tokens.push_back({static_cast<int>(t.first), static_cast<int>(t.last), t.form, t.misc});
  return out;
}

SyntaxSentence FromInternal(syntax::Sentence&& s) {
  SyntaxSentence out;
  out.text = syntax::SentenceText(s);
  out.comments = std::move(s.comments);
  out.words.reserve(s.words.size());
  for (syntax::Word& w : s.words) {
    out.words.push_back(SyntaxWord{std::move(w.form), std::move(w.lemma), std::move(w.upos),
                                   std::move(w.xpos), FromField(w.feats), w.head, std::move(w.deprel),
                                   FromField(w.misc), kNoSyntaxOffset});
  }
  for (const syntax::MultiwordToken& t : s.multiword_tokens) {
    out.multiword_tokens.push_back(
        {static_cast<size_t>(t.first), static_cast<size_t>(t.last), t.form, FromField(t.misc)});
  }
  return out;
}

// Copies the model's annotations of `from` into `to`.
void CopyAnnotation(const syntax::Word& from, SyntaxWord& to) {
  to.lemma = from.lemma;
  to.upos = from.upos;
  to.xpos = from.xpos;
  to.head = from.head;
  to.deprel = from.deprel;
}

// Annotates `s`, in pieces of at most kMaxSentenceWords words: the parser
// is linear, but memory and the beam's state copies grow with length, and
// nothing in English needs a longer sentence. Later pieces' roots hang off
// the first piece's root so the sentence keeps one root.
void AnnotateInPieces(const syntax::Model& model, syntax::Sentence& s) {
  if (s.words.size() <= SyntaxModel::kMaxSentenceWords) return model.Annotate(s);
  std::vector<std::string_view> forms;
  for (const syntax::Word& w : s.words) forms.push_back(w.form);
  int first_root = 0;
  for (const auto& [begin, end] : api::SplitLongSentence(forms, SyntaxModel::kMaxSentenceWords)) {
    syntax::Sentence piece;
    piece.words.assign(s.words.begin() + static_cast<ptrdiff_t>(begin),
                       s.words.begin() + static_cast<ptrdiff_t>(end));
    model.Annotate(piece);
    for (size_t k = 0; k < piece.words.size(); ++k) {
      syntax::Word& w = s.words[begin + k];
      w = std::move(piece.words[k]);
      if (w.head > 0) {
        w.head += static_cast<int>(begin);
      } else if (first_root == 0) {
        first_root = static_cast<int>(begin + k + 1);
      } else {
        w.head = first_root;
        w.deprel = "parataxis";
      }
    }
  }
}

}  // namespace

SyntaxModel::SyntaxModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SyntaxModel::~SyntaxModel() = default;

const std::string& SyntaxModel::path() const { return impl_->path; }
const std::string& SyntaxModel::description() const { return impl_->model->description(); }

std::string SyntaxModel::DefaultPath() { return syntax::DefaultModelPath(); }

Result<std::shared_ptr<const SyntaxModel>> SyntaxModel::Load(const std::string& path) {
  KG_ASSIGN_OR_RETURN(std::string file, syntax::ResolveModelPath(path));
  KG_ASSIGN_OR_RETURN(std::shared_ptr<const syntax::Model> model, syntax::LoadModel(file));
  // One SyntaxModel per loaded syntax::Model, so that the same file gives
  // the same object (the registry already shares the models themselves).
  static std::mutex mu;
  static auto* wrappers = new std::map<const syntax::Model*, std::shared_ptr<const SyntaxModel>>();
  std::lock_guard<std::mutex> lock(mu);
  std::shared_ptr<const SyntaxModel>& wrapper = (*wrappers)[model.get()];
  if (wrapper == nullptr) {
    auto impl = std::make_unique<Impl>(Impl{std::move(file), std::move(model)});
    wrapper = std::shared_ptr<const SyntaxModel>(new SyntaxModel(std::move(impl)));
  }
  return wrapper;
}

Result<std::vector<SyntaxSentence>> SyntaxModel::ParseText(std::string_view text) const {
  KG_ASSIGN_OR_RETURN(std::vector<api::TextSentence> split, api::SplitText(text));
  std::vector<SyntaxSentence> out;
  for (const api::TextSentence& ts : split) {
    std::vector<std::string_view> forms;
    for (const api::TextToken& t : ts.tokens) forms.push_back(t.model_form);
    for (const auto& [begin, end] : api::SplitLongSentence(forms, kMaxSentenceWords)) {
      syntax::Sentence s;
      for (size_t k = begin; k < end; ++k) s.words.push_back(syntax::Word{.form = ts.tokens[k].model_form});
      impl_->model->Annotate(s);
      SyntaxSentence& ps = out.emplace_back();
      const uint32_t first = ts.tokens[begin].begin;
      ps.text = std::string(text.substr(first, ts.tokens[end - 1].end - first));
      for (size_t k = begin; k < end; ++k) {
        const api::TextToken& t = ts.tokens[k];
        SyntaxWord& w = ps.words.emplace_back();
        w.form = std::string(text.substr(t.begin, t.end - t.begin));
        CopyAnnotation(s.words[k - begin], w);
        if (!t.space_after) w.misc = "SpaceAfter=No";
        w.offset = t.begin;
      }
    }
  }
  return out;
}

void SyntaxModel::Annotate(SyntaxSentence& sentence) const {
  if (sentence.words.empty()) return;
  syntax::Sentence s;
  for (const SyntaxWord& w : sentence.words) s.words.push_back(syntax::Word{.form = w.form});
  AnnotateInPieces(*impl_->model, s);
  for (size_t k = 0; k < s.words.size(); ++k) CopyAnnotation(s.words[k], sentence.words[k]);
}

Result<std::vector<SyntaxSentence>> ReadConllu(std::string_view text) {
  KG_ASSIGN_OR_RETURN(std::vector<syntax::Sentence> sentences, syntax::ReadConllu(text, nullptr));
  std::vector<SyntaxSentence> out;
  out.reserve(sentences.size());
  for (syntax::Sentence& s : sentences) out.push_back(FromInternal(std::move(s)));
  return out;
}

std::string WriteConllu(const std::vector<SyntaxSentence>& sentences) {
  std::string out;
  for (const SyntaxSentence& s : sentences) {
    syntax::Sentence is = ToInternal(s);
    bool has_text = false;
    for (const std::string& c : s.comments) has_text = has_text || c.rfind("text =", 0) == 0;
    if (!has_text && !s.text.empty()) is.comments.push_back("text = " + s.text);
    syntax::WriteConlluSentence(is, &out);
  }
  return out;
}

}  // namespace kg
