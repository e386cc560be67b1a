console.log('geo-annotate: not built yet');
