enum ExplorerPage {
    static let html = "<!doctype html><title>x</title>"
}
