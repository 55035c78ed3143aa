import QuizCore
import QuizMarkdown
import SnippetInterpreter

/// Loads, executes and validates challenges. (Built out by the authoring-compiler issue.)
public enum QuizCompiler {}
