import Testing
@testable import Serving
