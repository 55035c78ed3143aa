import Mustache
import QuizCore

/// Renders the validated model to HTML and JSON. (Built out by the site issue.)
public enum QuizSite {}
