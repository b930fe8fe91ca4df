"""The planner's screen: a Streamlit app on top of the ``model`` package."""
