// Makes sure the generated knowledge base exists before any test imports it.
require('../../scripts/build-kb.js').buildKb();
