<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<link rel="stylesheet" href="{{css}}">
</head>
<body>
<nav><a href="{{index_href}}">{{l_index}}</a> · <a href="{{quals_href}}">{{l_qual_title}}</a></nav>
<main>
