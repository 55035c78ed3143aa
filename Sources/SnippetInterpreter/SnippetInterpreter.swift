import TensorKernel

/// Runs Python-subset snippets whose `torch` is `TensorKernel`. (Built out by the interpreter issue.)
public enum SnippetInterpreterInfo {
    public static let languageSubset = "Python 3 subset for PyTorch quiz snippets"
}
